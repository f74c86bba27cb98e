package app.custodian;

import app.custodian.testing.Postgres;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/** The data of every table, as pg_dump writes it (COPY text format), for inspection by tests. */
final class DatabaseDump {

  private DatabaseDump() {}

  static String of(Postgres postgres, String url) throws Exception {
    StringWriter dump = new StringWriter();
    try (Connection db = postgres.connect(url)) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = db.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      var copy = db.unwrap(PGConnection.class).getCopyAPI();
      for (String table : tables) {
        dump.write("-- " + table + "\n");
        copy.copyOut("COPY \"" + table + "\" TO STDOUT", dump);
      }
    }
    return dump.toString();
  }
}
