package org.crisiscoordination.faults;

/** One fault, injected into the running system under load, and what must hold afterwards. */
interface Scenario {

    String name();

    /** Runs the scenario, recording its figures and checks in {@code result}. */
    void run(Suite suite, ScenarioResult result) throws Exception;
}
