package org.crisiscoordination.query.console;

import io.swagger.v3.oas.annotations.Hidden;
import org.crisiscoordination.kernel.crisis.CrisisStatus;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The board: crises by status, with severity and the tracks each is engaged on, filtered as the
 * API filters them (the filters are the URL's query, so every view of the board is a link).
 */
@Controller
@Hidden
class BoardPage {

    static final List<String> FILTERS = List.of("status", "minSeverity", "topic", "organization", "state", "track", "page");

    private final ConsoleApi api;

    BoardPage(ConsoleApi api) {
        this.api = api;
    }

    @GetMapping({"/console", "/console/"})
    String home() {
        return "redirect:/console/board";
    }

    @GetMapping("/console/board")
    String board(@RequestParam Map<String, String> query, Model model) {
        Map<String, String> filters = new LinkedHashMap<>();
        FILTERS.forEach(name -> filters.put(name, query.getOrDefault(name, "")));
        Map<String, Object> parameters = new LinkedHashMap<>(filters);
        parameters.put("size", 50);
        ConsoleApi.Answer answer = api.get("/api/crises", parameters);
        model.addAttribute("filters", filters);
        model.addAttribute("answer", answer);
        model.addAttribute("statuses", List.of(CrisisStatus.values()));
        model.addAttribute("topics", List.of(SecurityTopic.values()));
        model.addAttribute("organizations", List.of(Organization.values()));
        model.addAttribute("tracks", List.of("POWER", "MECHANISM", "BOTH", "NONE"));
        if (answer.ok()) {
            model.addAttribute("groups", byStatus(answer));
        }
        return "console/board";
    }

    /** The page's crises grouped by status, in the order a crisis moves through them. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Map<String, Object>>> byStatus(ConsoleApi.Answer answer) {
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (CrisisStatus status : CrisisStatus.values()) {
            groups.put(status.name(), new ArrayList<>());
        }
        for (Object item : (List<Object>) answer.map().get("items")) {
            Map<String, Object> crisis = (Map<String, Object>) item;
            crisis.put("track", track(crisis));
            groups.computeIfAbsent(String.valueOf(crisis.get("status")), s -> new ArrayList<>()).add(crisis);
        }
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    @SuppressWarnings("unchecked")
    static String track(Map<String, Object> crisis) {
        boolean power = Boolean.TRUE.equals(((Map<String, Object>) crisis.get("powerTrack")).get("engaged"));
        boolean mechanism = Boolean.TRUE.equals(((Map<String, Object>) crisis.get("mechanismTrack")).get("engaged"));
        return power && mechanism ? "both" : power ? "power" : mechanism ? "mechanism" : "none yet";
    }
}
