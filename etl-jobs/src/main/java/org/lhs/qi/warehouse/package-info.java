/** Normalise: idempotent set-based upsert of staging rows into the canonical warehouse ({@code ehr.*}). */
package org.lhs.qi.warehouse;
