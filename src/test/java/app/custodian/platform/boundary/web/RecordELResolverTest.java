package app.custodian.platform.boundary.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;
import org.junit.jupiter.api.Test;

class RecordELResolverTest {

  record Consent(String purpose, boolean granted) {}

  static final class Context extends ELContext {
    @Override
    public ELResolver getELResolver() {
      return null;
    }

    @Override
    public FunctionMapper getFunctionMapper() {
      return null;
    }

    @Override
    public VariableMapper getVariableMapper() {
      return null;
    }
  }

  final RecordELResolver resolver = new RecordELResolver();

  @Test
  void readsARecordsComponents() {
    Context context = new Context();
    assertEquals(true, resolver.getValue(context, new Consent("NEWSLETTER", true), "granted"));
    assertTrue(context.isPropertyResolved());
    assertTrue(resolver.isReadOnly(new Context(), new Consent("SURVEY", false), "purpose"));
    assertThrows(
        PropertyNotWritableException.class,
        () -> resolver.setValue(new Context(), new Consent("SURVEY", false), "purpose", "X"));
  }

  @Test
  void leavesEverythingElseToTheOtherResolvers() {
    Context context = new Context();
    assertNull(resolver.getValue(context, new Consent("SURVEY", false), "nothing"));
    assertNull(resolver.getValue(context, "text", "length"));
    assertFalse(context.isPropertyResolved());
  }
}
