package cn.fuyou.shared;

/** Zero-based page request, validated so that a bad paging parameter is a 400, not a 500. */
public record PageRequest(int page, int size) {

    /** Beyond this a page is never useful, and page × size must not overflow (a fuzzed 2147483647 was a 500). */
    public static final int MAX_PAGE = 100_000;

    public PageRequest {
        if (page < 0 || page > MAX_PAGE) throw ApiException.badField("page", "page must be 0–" + MAX_PAGE);
        if (size < 1 || size > PageResult.MAX_SIZE) throw ApiException.badField("size", "size must be 1–" + PageResult.MAX_SIZE);
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? 20 : size);
    }

    public int offset() { return page * size; }
}
