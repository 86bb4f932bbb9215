package org.crisiscoordination.query.console;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The projections: each one's status, position, lag and replay progress (the operator's). */
@Controller
@Hidden
class ProjectionsPage {

    private final ConsoleApi api;

    ProjectionsPage(ConsoleApi api) {
        this.api = api;
    }

    @GetMapping("/console/projections")
    String projections(Model model) {
        model.addAttribute("projections", api.get("/api/projections"));
        return "console/projections";
    }
}
