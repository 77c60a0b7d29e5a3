package cn.fuyou.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, the total count and where the page is. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 200;

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
