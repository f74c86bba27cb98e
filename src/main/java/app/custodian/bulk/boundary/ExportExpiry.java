package app.custodian.bulk.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Every five minutes, deletes the export files whose hour passed without their download. */
@Singleton
public class ExportExpiry {

  @Inject CustomerExports exports;

  @Schedule(hour = "*", minute = "*/5", persistent = false)
  void expire() {
    exports.expireOld();
  }
}
