package app.custodian.bench;

/**
 * The benchmark's customers, numbered from 0: customer n is {@code cN@bench.example.vn} with a
 * Vietnamese name, and opted in to the newsletter when the share says so, spread evenly (with a
 * share of 0.5, every odd number).
 */
record Audience(int customers, double optedInShare) {

  private static final String[] FAMILY = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"
  };
  private static final String[] MIDDLE = {
    "Văn", "Thị", "Minh", "Quốc", "Thu", "Đức", "Ngọc", "Hữu"
  };
  private static final String[] GIVEN = {
    "An", "Bình", "Cường", "Dung", "Em", "Giang", "Hà", "Khánh"
  };

  Audience {
    if (customers < 1 || optedInShare <= 0 || optedInShare > 1) {
      throw new IllegalArgumentException("customers >= 1 and 0 < optedInShare <= 1");
    }
  }

  boolean optedIn(int n) {
    return Math.floor((n + 1) * optedInShare) > Math.floor(n * optedInShare);
  }

  int optedInCount() {
    return (int) Math.floor(customers * optedInShare);
  }

  static String fullName(int n) {
    return FAMILY[n % 8] + " " + MIDDLE[(n / 8) % 8] + " " + GIVEN[(n / 64) % 8];
  }
}
