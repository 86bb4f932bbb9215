package org.crisiscoordination.query.console;

import io.swagger.v3.oas.annotations.Hidden;
import org.crisiscoordination.kernel.validation.InvalidValueException;
import org.crisiscoordination.query.asof.PastPosition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One crisis: both tracks, its channel's statements and joint statement, its timeline (its own
 * events and its channels', each with who acted and for whom), and whether its hash chain holds and
 * a signed checkpoint covers it. With {@code asOf} (a position, or a time read as the position of
 * the last event stored by then), everything as it stood there, rebuilt by the projections.
 */
@Controller
@Hidden
class CrisisPage {

    private final ConsoleApi api;
    private final PastPosition positions;

    CrisisPage(ConsoleApi api, PastPosition positions) {
        this.api = api;
        this.positions = positions;
    }

    @GetMapping("/console/crises/{crisisId}")
    String crisis(@PathVariable UUID crisisId, @RequestParam(required = false) String asOf, Model model) {
        Long position = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                position = positions.of(asOf);
            } catch (InvalidValueException invalid) {
                model.addAttribute("asOfError", "asOf " + invalid.getMessage().replaceFirst("^asOf:?\\s*", ""));
            }
        }
        model.addAttribute("crisisId", crisisId);
        model.addAttribute("asOf", asOf);
        model.addAttribute("position", position);
        Map<String, Object> past = new HashMap<>();
        past.put("asOf", position);
        ConsoleApi.Answer crisis = api.get("/api/crises/" + crisisId, past);
        model.addAttribute("crisis", crisis);
        if (crisis.ok()) {
            model.addAttribute("track", BoardPage.track(crisis.map()));
            channelOf(crisis).ifPresent(channel -> model.addAttribute("channel", api.get("/api/channels/" + channel, past)));
        }
        ConsoleApi.Answer timeline = api.get("/api/crises/" + crisisId + "/timeline");
        model.addAttribute("timeline", timeline);
        if (timeline.ok()) {
            List<Map<String, Object>> entries = entries(timeline);
            Long upTo = position;
            model.addAttribute("entries", upTo == null ? entries
                    : entries.stream().filter(e -> ((Number) e.get("position")).longValue() <= upTo).toList());
            model.addAttribute("verification", Verification.of(crisisId, entries, api));
        }
        return "console/crisis";
    }

    @GetMapping("/console/crises/{crisisId}/proof")
    String proof(@PathVariable UUID crisisId, Model model) {
        model.addAttribute("crisisId", crisisId);
        ConsoleApi.Answer timeline = api.get("/api/crises/" + crisisId + "/timeline");
        model.addAttribute("timeline", timeline);
        if (timeline.ok()) {
            Verification verification = Verification.of(crisisId, entries(timeline), api);
            model.addAttribute("verification", verification);
            if (verification.covered()) {
                model.addAttribute("proof", api.get("/api/audit/proofs/inclusion", Map.of(
                        "position", verification.lastPosition(), "treeSize", verification.checkpoint().get("treeSize"))));
            }
        }
        return "console/proof";
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> channelOf(ConsoleApi.Answer crisis) {
        Map<String, Object> powerTrack = (Map<String, Object>) crisis.map().get("powerTrack");
        return Optional.ofNullable((String) powerTrack.get("channelId"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> entries(ConsoleApi.Answer timeline) {
        return (List<Map<String, Object>>) timeline.map().get("entries");
    }

    /**
     * The crisis's verification badge: its hash chain recomputed, and the newest signed checkpoint,
     * which covers the crisis once its tree includes the crisis's last event.
     */
    record Verification(ConsoleApi.Answer chain, Map<String, Object> checkpoint, long lastPosition) {

        @SuppressWarnings("unchecked")
        static Verification of(UUID crisisId, List<Map<String, Object>> entries, ConsoleApi api) {
            long last = entries.stream().filter(e -> crisisId.toString().equals(e.get("aggregateId")))
                    .mapToLong(e -> ((Number) e.get("position")).longValue()).max().orElse(0);
            ConsoleApi.Answer chain = api.get("/api/audit/verify", Map.of("aggregateId", crisisId));
            ConsoleApi.Answer checkpoints = api.get("/api/audit/checkpoints", Map.of("size", 1));
            List<Object> items = checkpoints.ok() ? (List<Object>) checkpoints.map().get("items") : List.of();
            return new Verification(chain, items.isEmpty() ? null : (Map<String, Object>) items.get(0), last);
        }

        public boolean valid() {
            return chain.ok() && Boolean.TRUE.equals(chain.map().get("valid"));
        }

        public boolean covered() {
            return checkpoint != null && ((Number) checkpoint.get("lastPosition")).longValue() >= lastPosition;
        }
    }
}
