package io.leadjourney.funnel;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /dashboard}: the funnel page (static, drawn in the browser from {@code /api/funnel}). */
@Controller
class DashboardController {

    @GetMapping("/dashboard")
    String dashboard() {
        return "redirect:/dashboard/";
    }

    @GetMapping("/dashboard/")
    String page() {
        return "forward:/dashboard/index.html";
    }
}
