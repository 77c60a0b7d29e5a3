package cn.fuyou.shared.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** What a database failure means for the caller, from its SQLSTATE (PostgreSQL appendix A). */
public enum DatabaseFailure {
    /** 08 connection, 57P01-03 shutdown / cannot connect now, 53 insufficient resources: retry later (503). */
    UNAVAILABLE,
    /** 23503 foreign key: the request names a record that does not exist (400). */
    BAD_REFERENCE,
    /** 22 data exception, 23502 not null, 23514 check: a bad value (400). */
    BAD_VALUE,
    /** anything else: a bug (500, logged). */
    OTHER;

    public static DatabaseFailure of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) return UNAVAILABLE;
            if (t instanceof java.net.ConnectException) return UNAVAILABLE;
            if (t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) return UNAVAILABLE;
            if (t instanceof org.springframework.transaction.CannotCreateTransactionException) return UNAVAILABLE;
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) return UNAVAILABLE;
                if (state.equals("23503")) return BAD_REFERENCE;
                if (state.startsWith("22") || state.equals("23502") || state.equals("23514")) return BAD_VALUE;
                return OTHER;
            }
        }
        return OTHER;
    }
}
