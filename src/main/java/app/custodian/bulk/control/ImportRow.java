package app.custodian.bulk.control;

import java.io.Serializable;
import java.util.Map;

/**
 * One data row of an import file as read: its row number as a spreadsheet shows it (the header is
 * row 1) and its cells by column name, empty cells left out.
 */
public record ImportRow(long number, Map<String, String> cells) implements Serializable {}
