package cn.fuyou.shared;

/** Zero-based page request, validated so that a bad paging parameter is a 400, not a 500. */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (page < 0) throw ApiException.badField("page", "page must be ≥ 0");
        if (size < 1 || size > PageResult.MAX_SIZE) throw ApiException.badField("size", "size must be 1–" + PageResult.MAX_SIZE);
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? 20 : size);
    }

    public int offset() { return page * size; }
}
