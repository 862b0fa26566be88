package io.leadjourney.routing;

/**
 * Who got the lead and why.
 *
 * @param repId  the rep the lead was assigned to, or {@code null} when no rep of the group was available
 * @param group  the group of reps the routing table chose; its members (and managers) see the task
 * @param reason the routing rule, the rotation position and the reps skipped, in words
 */
public record Assignment(String repId, String group, String reason) {

    public boolean hasRep() {
        return repId != null;
    }
}
