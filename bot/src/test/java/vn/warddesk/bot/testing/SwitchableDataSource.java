package vn.warddesk.bot.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

/** A real pool behind a switch: while "down", getConnection fails the way an unreachable database does. */
public final class SwitchableDataSource {
    private final AtomicBoolean down = new AtomicBoolean();
    private final DataSource dataSource;

    public SwitchableDataSource(DataSource real) {
        this.dataSource = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                                                              new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
            if (down.get() && method.getName().equals("getConnection")) {
                throw new SQLTransientConnectionException("database down (test switch)");
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public void down(boolean isDown) {
        down.set(isDown);
    }
}
