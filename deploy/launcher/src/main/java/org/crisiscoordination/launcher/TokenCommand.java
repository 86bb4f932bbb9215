package org.crisiscoordination.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code deploy/token}: prints a bearer token for the local run, signed with the key
 * {@code deploy/run} made (or makes it, if deploy/run has not run yet). The last line printed is
 * the bare token, so {@code TOKEN=$(deploy/token --role AUDITOR | tail -n 1)} takes it.
 */
public final class TokenCommand {

    private static final List<String> ROLES = List.of("SECRETARIAT", "DELEGATE", "LIAISON", "AUDITOR", "OPERATOR");

    private TokenCommand() {
    }

    public static void main(String[] args) {
        try {
            Request request = Request.parse(args);
            if (request == null) {
                System.out.println(usage());
                return;
            }
            Path dataDir = Settings.from(System.getenv(), null, null).dataDir();
            TokenKeys keys = TokenKeys.loadOrCreate(dataDir);
            String token = keys.mint(request.subject(), request.roles(), request.represents(), request.ttl());
            System.out.println("# " + request.subject() + ": " + String.join(",", request.roles())
                    + (request.represents() == null ? "" : ", represents " + request.represents())
                    + ", valid " + request.ttl() + "; signed with the key in " + dataDir.resolve("keys"));
            System.out.println(token);
        } catch (IllegalArgumentException e) {
            System.err.println("deploy/token: " + e.getMessage() + " (try --help)");
            System.exit(2);
        } catch (Exception e) {
            System.err.println("deploy/token: " + e.getMessage());
            System.exit(1);
        }
    }

    static String usage() {
        return """
                Usage: deploy/token --role ROLE[,ROLE...] [--represents PARTY] [--subject NAME] [--ttl PT1H]

                Prints a bearer token for the local run (deploy/run), signed with the key pair kept in
                $CRISIS_DATA_DIR/keys (default ~/.crisis-coordination/keys), which deploy/run makes on its
                first start and both services trust. The last line is the bare token:

                  TOKEN=$(deploy/token --role SECRETARIAT | tail -n 1)
                  curl -H "Authorization: Bearer $TOKEN" ...

                  --role        SECRETARIAT, DELEGATE, LIAISON, AUDITOR or OPERATOR; several comma-separated
                  --represents  the party a DELEGATE (a state or major power) or LIAISON (an organisation)
                                acts for, e.g. CN, ASEAN, PH
                  --subject     who the token names (default: the role names in lower case, and the party)
                  --ttl         how long it is valid, an ISO-8601 duration (default PT1H)""";
    }

    /** What was asked for; null for --help. */
    record Request(List<String> roles, String represents, String subject, Duration ttl) {

        static Request parse(String[] args) {
            List<String> roles = new ArrayList<>();
            String represents = null;
            String subject = null;
            Duration ttl = Duration.ofHours(1);
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--help") || flag.equals("-h")) {
                    return null;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = args[++i];
                switch (flag) {
                    case "--role", "--roles" -> Arrays.stream(value.split(","))
                            .map(role -> role.trim().toUpperCase(Locale.ROOT)).filter(role -> !role.isEmpty())
                            .forEach(role -> {
                                if (!ROLES.contains(role)) {
                                    throw new IllegalArgumentException("'" + role + "' is no role; one of " + ROLES);
                                }
                                roles.add(role);
                            });
                    case "--represents" -> represents = value.trim();
                    case "--subject" -> subject = value.trim();
                    case "--ttl" -> ttl = duration(value);
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("--role is required");
            }
            if (subject == null || subject.isEmpty()) {
                subject = String.join("-", roles).toLowerCase(Locale.ROOT)
                        + (represents == null ? "" : "-" + represents.toLowerCase(Locale.ROOT));
            }
            return new Request(List.copyOf(roles), represents, subject, ttl);
        }

        private static Duration duration(String value) {
            try {
                Duration ttl = Duration.parse(value.trim());
                if (ttl.isNegative() || ttl.isZero()) {
                    throw new IllegalArgumentException("--ttl must be positive, not " + value);
                }
                return ttl;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--ttl must be an ISO-8601 duration such as PT1H, not " + value);
            }
        }
    }
}
