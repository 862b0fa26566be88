package io.leadjourney.routing;

import java.util.Set;

/**
 * The users and groups reps log in with (Camunda's identity service), kept in step with the reps routing knows:
 * a rep's groups decide whose tasks they see in Tasklist.
 */
public interface RepDirectory {

    boolean userExists(String userId);

    /**
     * Whether the group is a sales band: a group whose members may do no more than a sales rep. The admins',
     * managers', marketing's, integrations' and monitoring's groups are not, nor is any group granted more
     * than the sales reps' group (deployments, other reps' tasks, Cockpit, ...). A group that does not exist yet
     * is a band: it is created with no rights of its own.
     */
    boolean isSalesBand(String groupId);

    /** The user's groups that are not sales bands (see {@link #isSalesBand}), or rights granted to the user. */
    java.util.List<String> privilegesOf(String userId);

    /** Whether the user is a Camunda admin. */
    boolean isAdmin(String userId);

    /** Creates the user, who then logs in to Tasklist with this password. */
    void createUser(String userId, String displayName, String email, String password);

    /** Updates name and e-mail of an existing user. */
    void updateUser(String userId, String displayName, String email);

    /**
     * Makes the user a member of exactly these routing groups (creating groups that do not exist yet), leaves
     * the user's other groups alone, and keeps the user in the sales reps' group while {@code active}.
     *
     * @param previousGroups the routing groups the user had before, to leave
     */
    void setGroups(String userId, Set<String> groups, Set<String> previousGroups, boolean active);
}
