package app.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * On several nodes the session, with every view-scoped and session-scoped bean, is serialized into
 * the data grid after each request. One value that cannot be serialized loses every view of the
 * session on failover (Mojarra keeps all view maps in one session attribute), and Payara only logs
 * "Cannot serialize session attribute". So every field such a bean holds, and every field of what
 * it holds, must have a serializable type; a type that says nothing (Object, {@code ?}) counts as
 * not serializable.
 */
class SessionStateIsSerializableTest {

  /**
   * Fields whose declared type cannot show it, each with the reason it holds nothing unserializable
   * in a session.
   */
  static final Set<String> EXEMPT =
      Set.of(
          // screens list executions without their report (JobRuns.list); a shown report is kept
          // as JSON text (JobListScreen.reports)
          "JobExecutionView.report");

  @Test
  void everyValueAViewOrSessionScopedBeanHoldsIsSerializable() {
    List<Class<?>> beans = sessionHeldBeans();
    assertFalse(beans.isEmpty(), "found no @ViewScoped or @SessionScoped bean");

    Set<String> problems = new TreeSet<>();
    Set<Class<?>> seen = new HashSet<>();
    Deque<Class<?>> toCheck = new ArrayDeque<>(beans);
    while (!toCheck.isEmpty()) {
      Class<?> holder = toCheck.pop();
      if (!seen.add(holder)) {
        continue;
      }
      if (!Serializable.class.isAssignableFrom(holder)) {
        problems.add(holder.getName() + " is not Serializable");
      }
      for (Class<?> type = holder;
          type != null && type.getName().startsWith("app.custodian.");
          type = type.getSuperclass()) {
        for (Field field : type.getDeclaredFields()) {
          if (!serialized(field)) {
            continue;
          }
          String where = type.getSimpleName() + "." + field.getName();
          if (EXEMPT.contains(where)) {
            continue;
          }
          check(field.getGenericType(), where, problems, toCheck);
        }
      }
    }
    assertEquals(Set.of(), problems);
  }

  private static void check(
      Type type, String where, Set<String> problems, Deque<Class<?>> toCheck) {
    if (type instanceof Class<?> raw) {
      if (raw.isPrimitive() || raw.isEnum()) {
        return;
      }
      if (raw.isArray()) {
        check(raw.getComponentType(), where, problems, toCheck);
        return;
      }
      if (raw == Object.class) {
        problems.add(where + " is declared Object: nothing shows it serializable");
        return;
      }
      boolean open = raw.isInterface() || Modifier.isAbstract(raw.getModifiers());
      if (!open && !Serializable.class.isAssignableFrom(raw)) {
        problems.add(where + " holds " + raw.getName() + ", which is not Serializable");
      }
      if (raw.getName().startsWith("app.custodian.")) {
        toCheck.add(raw);
      }
    } else if (type instanceof ParameterizedType generic) {
      check(generic.getRawType(), where, problems, toCheck);
      for (Type argument : generic.getActualTypeArguments()) {
        check(argument, where, problems, toCheck);
      }
    } else if (type instanceof GenericArrayType array) {
      check(array.getGenericComponentType(), where, problems, toCheck);
    } else if (type instanceof WildcardType wildcard) {
      Type[] bounds = wildcard.getUpperBounds();
      if (bounds.length == 1 && bounds[0] == Object.class) {
        problems.add(where + " holds ?: nothing shows it serializable");
      } else {
        for (Type bound : bounds) {
          check(bound, where, problems, toCheck);
        }
      }
    } else if (type instanceof TypeVariable<?>) {
      // bound where the generic class is used, and checked there
    }
  }

  /** Fields that go into the serialized form; injected proxies serialize themselves. */
  private static boolean serialized(Field field) {
    int modifiers = field.getModifiers();
    return !Modifier.isStatic(modifiers)
        && !Modifier.isTransient(modifiers)
        && !field.isSynthetic()
        && !field.isAnnotationPresent(Inject.class)
        && !field.isAnnotationPresent(EJB.class);
  }

  private static List<Class<?>> sessionHeldBeans() {
    return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.custodian")
            .stream()
            .filter(
                c -> c.isAnnotatedWith(ViewScoped.class) || c.isAnnotatedWith(SessionScoped.class))
            .map(JavaClass::reflect)
            .<Class<?>>map(c -> c)
            .toList();
  }
}
