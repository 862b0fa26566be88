package io.leadjourney.system;

import io.leadjourney.routing.RepDirectory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.TreeSet;

/** {@link RepDirectory} on Camunda's identity service: the users and groups Tasklist and engine-rest know. */
@Component
class CamundaRepDirectory implements RepDirectory {

    private final IdentityService identity;

    CamundaRepDirectory(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public boolean userExists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }

    @Override
    public void createUser(String userId, String displayName, String email, String password) {
        User user = identity.newUser(userId);
        name(user, displayName, email);
        user.setPassword(password);
        identity.saveUser(user);
    }

    @Override
    public void updateUser(String userId, String displayName, String email) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        name(user, displayName, email);
        identity.saveUser(user);
    }

    @Override
    public void setGroups(String userId, Set<String> groups, Set<String> previousGroups, boolean active) {
        Set<String> wanted = new TreeSet<>(groups);
        if (active) {
            wanted.add(Groups.SALES_REPS);
        }
        Set<String> leaving = new TreeSet<>(previousGroups);
        leaving.add(Groups.SALES_REPS);
        leaving.removeAll(wanted);
        Set<String> member = new TreeSet<>();
        identity.createGroupQuery().groupMember(userId).list().forEach(group -> member.add(group.getId()));
        for (String group : leaving) {
            if (member.contains(group)) {
                identity.deleteMembership(userId, group);
            }
        }
        for (String group : wanted) {
            IdentitySetup.ensureGroup(identity, group, "Reps: " + group);
            if (!member.contains(group)) {
                identity.createMembership(userId, group);
            }
        }
    }

    private static void name(User user, String displayName, String email) {
        String name = displayName.trim();
        int space = name.indexOf(' ');
        user.setFirstName(space < 0 ? name : name.substring(0, space));
        user.setLastName(space < 0 ? "" : name.substring(space + 1).trim());
        user.setEmail(email);
    }
}
