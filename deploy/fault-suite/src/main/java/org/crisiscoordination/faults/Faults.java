package org.crisiscoordination.faults;

import java.util.List;

/** deploy/faults: the fault suite's command line; exits 0 when every promise held, 1 when one did not. */
public final class Faults {

    private Faults() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.println("see deploy/faults --help");
            return;
        }
        try {
            List<ScenarioResult> results = FaultSuite.run(Options.parse(args));
            System.exit(results.stream().allMatch(ScenarioResult::passed) ? 0 : 1);
        } catch (IllegalArgumentException e) {
            System.err.println("deploy/faults: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("deploy/faults: the run failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }
}
