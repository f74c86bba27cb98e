package app.custodian.incident.control;

import app.custodian.customer.entity.DataCategory;

/** The kinds of personal data as a person reads them in a notice, in Vietnamese or English. */
public final class CategoryLabels {

  private CategoryLabels() {}

  public static String of(DataCategory category, String locale) {
    boolean en = "en".equals(locale);
    return switch (category) {
      case FULL_NAME -> en ? "Full name" : "Họ và tên";
      case EMAIL -> en ? "Email address" : "Địa chỉ email";
      case PHONE -> en ? "Phone number" : "Số điện thoại";
      case ADDRESS -> en ? "Postal address" : "Địa chỉ liên hệ";
      case ORGANIZATION -> en ? "Organisation" : "Tên tổ chức";
      case JOB_TITLE -> en ? "Job title" : "Chức danh";
      case FAX -> en ? "Fax number" : "Số fax";
      case CONTRACTS -> en ? "Contract details" : "Thông tin hợp đồng";
      case CONSENT_RECORDS -> en ? "Records of your consents" : "Lịch sử đồng ý của Quý khách";
      case MESSAGES -> en ? "Emails we sent you" : "Lịch sử thư điện tử gửi Quý khách";
    };
  }
}
