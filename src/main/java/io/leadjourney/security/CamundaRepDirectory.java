package io.leadjourney.security;

import io.leadjourney.routing.RepDirectory;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.SystemPermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** {@link RepDirectory} on Camunda's identity service: the users and groups Tasklist and engine-rest know. */
@Component
class CamundaRepDirectory implements RepDirectory {

    /** Groups that are never a sales band, whatever their authorizations say. */
    static final Set<String> PRIVILEGED_GROUPS = Set.of(Groups.ADMINS, Groups.MANAGERS, Groups.MARKETING,
            Groups.INTEGRATION, Groups.MONITORING);
    private static final Permission[] ALL_PERMISSIONS = Stream.of(Permissions.values(), TaskPermissions.values(),
                    ProcessDefinitionPermissions.values(), ProcessInstancePermissions.values(),
                    HistoricTaskPermissions.values(), HistoricProcessInstancePermissions.values(),
                    BatchPermissions.values(), SystemPermissions.values(),
                    UserOperationLogCategoryPermissions.values())
            .flatMap(Arrays::stream).toArray(Permission[]::new);

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    CamundaRepDirectory(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @Override
    public boolean isSalesBand(String groupId) {
        if (PRIVILEGED_GROUPS.contains(groupId)) {
            return false;
        }
        return Groups.SALES_REPS.equals(groupId) || grantsBeyondRep(authorizations.createAuthorizationQuery()
                .groupIdIn(groupId).list(), Resources.GROUP, groupId).isEmpty();
    }

    @Override
    public List<String> privilegesOf(String userId) {
        List<String> privileges = new ArrayList<>();
        identity.createGroupQuery().groupMember(userId).list().stream().map(group -> group.getId())
                .filter(group -> !isSalesBand(group)).map(group -> "member of " + group).forEach(privileges::add);
        grantsBeyondRep(authorizations.createAuthorizationQuery().userIdIn(userId).list(), Resources.USER, userId)
                .stream()
                .map(grant -> "granted " + describe(grant)).forEach(privileges::add);
        return privileges;
    }

    @Override
    public boolean isAdmin(String userId) {
        return identity.createUserQuery().userId(userId).memberOfGroup(Groups.ADMINS).count() > 0;
    }

    /**
     * The grants a sales rep does not have through the sales reps' group. The engine's own grants are no privilege:
     * on single tasks (a task's assignee and candidate groups) and on the user or group itself (users edit their
     * own profile, members read their group).
     */
    private List<Authorization> grantsBeyondRep(List<Authorization> grants, Resources self, String selfId) {
        List<Authorization> rep = authorizations.createAuthorizationQuery().groupIdIn(Groups.SALES_REPS).list()
                .stream().filter(grant -> grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT).toList();
        return grants.stream()
                .filter(grant -> grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
                .filter(grant -> !(grant.getResourceType() == Resources.TASK.resourceType()
                        && !Authorization.ANY.equals(grant.getResourceId())))
                .filter(grant -> !(grant.getResourceType() == self.resourceType()
                        && selfId.equals(grant.getResourceId())))
                .filter(grant -> rep.stream().noneMatch(held -> covers(held, grant)))
                .toList();
    }

    private static boolean covers(Authorization held, Authorization wanted) {
        if (held.getResourceType() != wanted.getResourceType()
                || !(Authorization.ANY.equals(held.getResourceId())
                || held.getResourceId().equals(wanted.getResourceId()))) {
            return false;
        }
        return Arrays.stream(ALL_PERMISSIONS)
                .filter(permission -> Arrays.stream(permission.getTypes())
                        .anyMatch(type -> type.resourceType() == wanted.getResourceType()))
                .noneMatch(permission -> wanted.isPermissionGranted(permission)
                        && !held.isPermissionGranted(permission));
    }

    private static String describe(Authorization grant) {
        return "resource type " + grant.getResourceType() + " '" + grant.getResourceId() + "'";
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
