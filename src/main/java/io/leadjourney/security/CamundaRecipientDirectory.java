package io.leadjourney.security;

import io.leadjourney.notification.RecipientDirectory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;

/** {@link RecipientDirectory} on Camunda's users and groups. */
@Component
class CamundaRecipientDirectory implements RecipientDirectory {

    private final IdentityService identity;

    CamundaRecipientDirectory(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public List<String> addressesOf(String userOrGroupId) {
        User user = identity.createUserQuery().userId(userOrGroupId).singleResult();
        List<User> people = user != null ? List.of(user)
                : identity.createUserQuery().memberOfGroup(userOrGroupId).list();
        return people.stream().map(User::getEmail).filter(Objects::nonNull).filter(email -> !email.isBlank())
                .distinct().toList();
    }
}
