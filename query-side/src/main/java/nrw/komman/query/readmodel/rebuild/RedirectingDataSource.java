package nrw.komman.query.readmodel.rebuild;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The application's data source, with a read model's table names in every SQL statement pointed at
 * the copies a rebuild fills ({@code activity_view} → {@code activity_view_g3}). A projection copy
 * built on it runs its unchanged SQL against the new generation. Connections are those of the
 * current Spring transaction, so the copy's writes commit together with its processor's token, as
 * the live projection's do.
 */
final class RedirectingDataSource extends DelegatingDataSource {

    private final Pattern tables;
    private final String suffix;

    RedirectingDataSource(DataSource target, Collection<String> tables, String suffix) {
        super(target);
        this.tables = Pattern.compile("\\b(" + tables.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")\\b",
                Pattern.CASE_INSENSITIVE);
        this.suffix = suffix;
    }

    /** The statement with each of the tables' names (a whole word, not part of another name) given the suffix. */
    String redirect(String sql) {
        return sql == null ? null : tables.matcher(sql).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + suffix));
    }

    @Override
    public Connection getConnection() throws SQLException {
        DataSource target = obtainTargetDataSource();
        Connection connection = DataSourceUtils.doGetConnection(target);
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                new RedirectingConnection(connection, target));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("A redirecting data source uses the application's own credentials");
    }

    private final class RedirectingConnection implements InvocationHandler {
        private final Connection target;
        private final DataSource dataSource;

        RedirectingConnection(Connection target, DataSource dataSource) {
            this.target = target;
            this.dataSource = dataSource;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "close":
                    // a transaction's connection stays open until the transaction ends
                    DataSourceUtils.doReleaseConnection(target, dataSource);
                    return null;
                case "prepareStatement", "prepareCall", "nativeSQL":
                    args[0] = redirect((String) args[0]);
                    return call(target, method, args);
                case "createStatement":
                    Statement statement = (Statement) call(target, method, args);
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Statement.class},
                            (p, m, a) -> {
                                if (a != null && a.length > 0 && a[0] instanceof String sql
                                        && (m.getName().startsWith("execute") || m.getName().equals("addBatch"))) {
                                    a[0] = redirect(sql);
                                }
                                return call(statement, m, a);
                            });
                default:
                    return call(target, method, args);
            }
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
