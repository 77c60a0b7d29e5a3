package cn.fuyou.shared;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reading PostgreSQL values that JDBC hands over awkwardly: text[] and date[] arrays, nullable integers. */
public final class Rows {

    private Rows() {}

    public static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    public static List<LocalDate> dates(Array a) throws SQLException {
        if (a == null) return List.of();
        List<LocalDate> out = new ArrayList<>();
        for (Object o : (Object[]) a.getArray()) out.add(o instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(o.toString()));
        return out;
    }

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        Object o = rs.getObject(column);
        return o == null ? null : ((Number) o).intValue();
    }
}
