package app.custodian.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.platform.control.SingleNode;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The credentials a node remembers are forgotten when an account changes, through the cluster's
 * topic: the change made here, and the message another node publishes.
 */
class AccountChangeReachesEveryNodeTest {

  static final char[] PASSWORD = "Mật-khẩu-rất-dài-1".toCharArray();

  SingleNode cluster = new SingleNode();
  AccountIdentityStore store = new AccountIdentityStore();

  @BeforeEach
  void join() {
    store.cluster = cluster;
    store.forgetOnEveryChange();
    store.recent.remember("thu.ngan", PASSWORD, "hash-1");
  }

  @Test
  void aChangeHereIsPublishedToEveryNode() {
    int[] published = {0};
    cluster.subscribe(AccountIdentityStore.ACCOUNTS_CHANGED, message -> published[0]++);

    store.accountChanged(null);

    assertEquals(1, published[0], "published once, for every node");
    assertTrue(store.recent.find("thu.ngan", PASSWORD).isEmpty());
  }

  @Test
  void aChangeOnAnotherNodeIsForgottenHere() {
    assertEquals(Optional.of("hash-1"), store.recent.find("thu.ngan", PASSWORD));

    cluster.publish(AccountIdentityStore.ACCOUNTS_CHANGED, "");

    assertTrue(store.recent.find("thu.ngan", PASSWORD).isEmpty());
  }
}
