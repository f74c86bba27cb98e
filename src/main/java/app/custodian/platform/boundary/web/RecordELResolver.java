package app.custodian.platform.boundary.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the components of Java records in the screens' expressions ({@code #{customer.email}}), as
 * Jakarta Expression Language 6 does and the EL 5 of Jakarta EE 10 does not: the boundary's views
 * are records. Read-only. Registered in faces-config.xml.
 */
public class RecordELResolver extends ELResolver {

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    Optional<RecordComponent> component = component(base, property);
    if (component.isEmpty()) {
      return null;
    }
    context.setPropertyResolved(base, property);
    try {
      var accessor = component.get().getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(base);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new ELException("Could not read " + property + " of " + base.getClass(), e);
    }
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    Optional<RecordComponent> component = component(base, property);
    component.ifPresent(c -> context.setPropertyResolved(base, property));
    return null; // read-only
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (component(base, property).isPresent()) {
      throw new PropertyNotWritableException(property + " of a record is read-only");
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    boolean record = component(base, property).isPresent();
    if (record) {
      context.setPropertyResolved(base, property);
    }
    return record;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return base != null && base.getClass().isRecord() ? String.class : null;
  }

  private static Optional<RecordComponent> component(Object base, Object property) {
    if (base == null || !base.getClass().isRecord() || !(property instanceof String name)) {
      return Optional.empty();
    }
    return Arrays.stream(base.getClass().getRecordComponents())
        .filter(c -> c.getName().equals(name))
        .findFirst();
  }
}
