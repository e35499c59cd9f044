package nrw.komman.query.common;

import nrw.komman.kernel.common.Money;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between read-model columns and the published language, identical on H2 and PostgreSQL. */
public final class Rows {

    private Rows() {
    }

    /** A {@code timestamp with time zone} parameter. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static Money money(ResultSet rs, String column) throws SQLException {
        Long cents = longOrNull(rs, column);
        return cents == null ? null : Money.ofCents(cents);
    }

    public static Long cents(Money money) {
        return money == null ? null : money.cents();
    }

    public static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
