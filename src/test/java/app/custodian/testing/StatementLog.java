package app.custodian.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * The SQL that the jobs prepare on {@link JobsOnJBeret}'s connections while a test records it, so
 * that a test can count how often a run reads a row.
 */
public final class StatementLog {

  private static final List<String> prepared = new CopyOnWriteArrayList<>();
  private static volatile boolean recording;

  private StatementLog() {}

  /** Forgets what was recorded and records from now on. */
  public static void start() {
    prepared.clear();
    recording = true;
  }

  /** Stops recording and answers what was prepared since {@link #start()}, in order. */
  public static List<String> stop() {
    recording = false;
    return List.copyOf(prepared);
  }

  static DataSource recording(DataSource dataSource) {
    return proxy(
        DataSource.class,
        dataSource,
        (target, method, args) -> {
          Object result = call(target, method, args);
          return result instanceof Connection connection
              ? proxy(Connection.class, connection, StatementLog::recordPrepared)
              : result;
        });
  }

  private static Object recordPrepared(
      Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    if (recording && method.getName().equals("prepareStatement")) {
      prepared.add((String) args[0]);
    }
    return call(target, method, args);
  }

  private interface Call {
    Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, T target, Call call) {
    InvocationHandler handler = (proxy, method, args) -> call.invoke(target, method, args);
    return type.cast(
        Proxy.newProxyInstance(
            StatementLog.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object call(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
