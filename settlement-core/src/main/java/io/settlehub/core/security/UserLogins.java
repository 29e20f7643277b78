package io.settlehub.core.security;

import io.settlehub.core.security.UserRepository;
import io.settlehub.core.security.UserRepository.StoredUser;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Dashboard logins: users from {@code app_user}, passwords as bcrypt hashes. {@code hub.security.login-attempts}
 * consecutive wrong passwords lock the user for {@code hub.security.login-lock}; the lock is lifted by time or by an
 * operator setting a new password.
 */
@Component
public class UserLogins implements UserDetailsService {

    private final UserRepository users;
    private final Clock clock;
    private final int attempts;
    private final Duration lock;

    public UserLogins(UserRepository users, Clock clock, @Value("${hub.security.login-attempts:10}") int attempts,
                      @Value("${hub.security.login-lock:15m}") Duration lock) {
        this.users = users;
        this.clock = clock;
        this.attempts = attempts;
        this.lock = lock;
    }

    /** A user as Spring Security checks it, carrying the hub's view of who it is. */
    public record HubUser(HubPrincipal principal, String passwordHash, boolean locked) implements UserDetails {

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return List.of(new SimpleGrantedAuthority("ROLE_" + principal.role().name()));
        }

        @Override
        public String getPassword() {
            return passwordHash;
        }

        @Override
        public String getUsername() {
            return principal.name();
        }

        @Override
        public boolean isAccountNonLocked() {
            return !locked;
        }

        @Override
        public String toString() {
            return "HubUser[" + principal + ", password=****]";
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StoredUser user = users.find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        boolean locked = user.lockedUntil() != null && clock.instant().isBefore(user.lockedUntil());
        return new HubUser(new HubPrincipal(user.username(), HubPrincipal.Role.valueOf(user.role()), user.clientId()),
                user.passwordHash(), locked);
    }

    @EventListener
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof String username) {
            users.loginFailed(username, attempts, clock.instant().plus(lock));
        }
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof HubUser user) {
            users.loginSucceeded(user.getUsername());
        }
    }
}
