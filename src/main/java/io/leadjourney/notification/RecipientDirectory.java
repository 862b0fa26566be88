package io.leadjourney.notification;

import java.util.List;

/** Where people's e-mail addresses are: the users and groups they log in with. */
public interface RecipientDirectory {

    /** The address of the user with this id, or of every member of the group with this id; empty if none. */
    List<String> addressesOf(String userOrGroupId);
}
