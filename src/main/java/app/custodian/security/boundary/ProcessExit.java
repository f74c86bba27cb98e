package app.custodian.security.boundary;

/** Ends the JVM from inside a deployment, which must not wait for that deployment to finish. */
final class ProcessExit {

  private static final long HALT_AFTER_MILLIS = 20_000;

  private ProcessExit() {}

  /**
   * Exits on a thread of its own (the server's shutdown waits for the deploying thread, which is
   * the caller), and halts if the orderly exit has not ended the JVM in time.
   */
  static void now(int status) {
    Thread halt =
        new Thread(
            () -> {
              try {
                Thread.sleep(HALT_AFTER_MILLIS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              Runtime.getRuntime().halt(status);
            },
            "custodian-halt");
    halt.setDaemon(true);
    halt.start();
    Thread exit = new Thread(() -> System.exit(status), "custodian-exit");
    exit.setDaemon(true);
    exit.start();
  }
}
