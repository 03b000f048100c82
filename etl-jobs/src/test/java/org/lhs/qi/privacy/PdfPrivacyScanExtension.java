package org.lhs.qi.privacy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registered for every test class (service loader + {@code junit.jupiter.extensions.autodetection.enabled}):
 * after each test, and after each class, scans every PDF in the class's {@link TempDir} folders with
 * {@link PdfPrivacyScan}, before JUnit deletes them. So every scorecard any test renders (nightly job, demo,
 * crash/restart, benchmark) is checked for small counts without each test having to remember it.
 */
public final class PdfPrivacyScanExtension implements AfterEachCallback, AfterAllCallback {

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Object instance = context.getTestInstance().orElse(null);
        scan(context.getRequiredTestClass(), instance);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        scan(context.getRequiredTestClass(), null);
    }

    private static void scan(Class<?> type, Object instance) throws IllegalAccessException {
        for (Path dir : tempDirs(type, instance)) {
            PdfPrivacyScan.assertNoSmallCountsBelow(dir);
        }
    }

    private static List<Path> tempDirs(Class<?> type, Object instance) throws IllegalAccessException {
        List<Path> dirs = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                boolean isStatic = Modifier.isStatic(f.getModifiers());
                if (!f.isAnnotationPresent(TempDir.class) || !Path.class.equals(f.getType())
                        || (!isStatic && instance == null)) {
                    continue;
                }
                f.setAccessible(true);
                Object value = f.get(isStatic ? null : instance);
                if (value instanceof Path p) {
                    dirs.add(p);
                }
            }
        }
        return dirs;
    }
}
