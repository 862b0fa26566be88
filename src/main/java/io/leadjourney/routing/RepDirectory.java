package io.leadjourney.routing;

import java.util.Set;

/**
 * The users and groups reps log in with (Camunda's identity service), kept in step with the reps routing knows:
 * a rep's groups decide whose tasks they see in Tasklist.
 */
public interface RepDirectory {

    boolean userExists(String userId);

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
