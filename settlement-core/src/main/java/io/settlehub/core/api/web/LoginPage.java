package io.settlehub.core.api.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form (Spring Security processes its POST, with the CSRF token the form carries). */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
