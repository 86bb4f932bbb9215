package org.crisiscoordination.query.console;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Duration;

/**
 * The coordination metrics, each as a table (what a reader without JavaScript gets) that the
 * page's script draws as a chart with Chart.js.
 */
@Controller
@Hidden
class MetricsPage {

    private final ConsoleApi api;

    MetricsPage(ConsoleApi api) {
        this.api = api;
    }

    @GetMapping("/console/metrics")
    String metrics(Model model) {
        model.addAttribute("metrics", api.get("/api/metrics/coordination"));
        model.addAttribute("minutes", new Minutes());
        return "console/metrics";
    }

    /** Durations as the API writes them (ISO-8601, or seconds), in minutes for the charts. */
    static final class Minutes {

        public String of(Object duration) {
            if (duration == null) {
                return "";
            }
            double seconds = duration instanceof Number number ? number.doubleValue()
                    : Duration.parse(duration.toString()).toMillis() / 1000.0;
            return String.format(java.util.Locale.ROOT, "%.1f", seconds / 60);
        }
    }
}
