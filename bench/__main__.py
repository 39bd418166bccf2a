"""python -m bench: every benchmark, printed as figures and ratios."""

from bench import client_paging

if __name__ == "__main__":
    client_paging.main()
