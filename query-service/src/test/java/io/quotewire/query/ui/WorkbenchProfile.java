package io.quotewire.query.ui;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The browser test's own profile: Quarkus restarts for it with a fresh database (the test resource starts
 * again), so the workbench shows the seeds and nothing the API tests pushed.
 */
public class WorkbenchProfile implements QuarkusTestProfile {
}
