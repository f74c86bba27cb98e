package app.custodian.customer.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Stores kinds of personal data as one comma-separated column, in their order, each once. */
@Converter
public class DataCategoriesConverter implements AttributeConverter<List<DataCategory>, String> {

  @Override
  public String convertToDatabaseColumn(List<DataCategory> categories) {
    return categories.stream().distinct().map(Enum::name).collect(Collectors.joining(","));
  }

  @Override
  public List<DataCategory> convertToEntityAttribute(String column) {
    return read(column);
  }

  /** The categories of a column, for plain JDBC readers. */
  public static List<DataCategory> read(String column) {
    return Arrays.stream(column.split(","))
        .filter(name -> !name.isBlank())
        .map(DataCategory::valueOf)
        .toList();
  }
}
