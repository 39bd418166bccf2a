"""python -m bench: every benchmark, printed as figures and ratios."""

from bench import check_concurrency, client_paging, mapping_rejudge

if __name__ == "__main__":
    client_paging.main()
    # The arguments are client_paging's; the check's latency comes from $BENCH_LATENCY.
    check_concurrency.main([])
    mapping_rejudge.main([])
