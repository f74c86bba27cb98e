package app.custodian.platform.control;

import java.util.ArrayList;
import java.util.List;

/** A page of a list, as the client asked for it: `?page=` from 0, `?size=` up to 500. */
public record PageRequest(int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;

  public static PageRequest of(Integer page, Integer size) {
    int p = page == null ? 0 : page;
    int s = size == null ? DEFAULT_SIZE : size;
    List<FieldError> errors = new ArrayList<>();
    if (p < 0) {
      errors.add(new FieldError("page", "must be 0 or more"));
    }
    if (s < 1 || s > MAX_SIZE) {
      errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new PageRequest(p, s);
  }

  public int offset() {
    return page * size;
  }
}
