"""The test suite, one package per package of payt_onboarding; shared helpers in tests.support."""
