"""Talking to AFAS Profit: environment, token, REST client and its errors."""
