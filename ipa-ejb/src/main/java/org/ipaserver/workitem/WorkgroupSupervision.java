package org.ipaserver.workitem;

import java.time.Instant;
import java.util.List;

/**
 * A workgroup as its supervisor watches it: the items waiting in its queue and the age of the
 * oldest, what each member holds, their presence and licence, and whom routing would give the
 * next item (one needing no skill) now.
 *
 * @param waiting items in the queue nobody holds (alerting or held)
 * @param waitingHeld of those, the ones held (they came back to the queue at a restart or a transfer)
 * @param oldestWaitingSince when the oldest waiting item was sent; null when none waits
 * @param oldestWaitingSeconds its age now; 0 when none waits
 * @param nextPick the member routing would give the next item to now; null when nobody qualifies
 */
public record WorkgroupSupervision(String workgroup, int waiting, int waitingHeld, Instant oldestWaitingSince,
                                   long oldestWaitingSeconds, int inHand, String nextPick, List<Member> members) {

    public WorkgroupSupervision {
        members = List.copyOf(members);
    }

    /**
     * One member: presence, licence, open items held, and why routing would pass them over now
     * (empty when they can take an item).
     */
    public record Member(String user, String presence, String licence, int itemsInHand,
                         List<String> notRoutableBecause) {

        public Member {
            notRoutableBecause = List.copyOf(notRoutableBecause);
        }
    }
}
