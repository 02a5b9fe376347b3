import { describePermissionMatrix } from "@/lib/testing/permission-matrix";
import { IMPORT_SAMPLES } from "@/lib/testing/permission-samples";

describePermissionMatrix("register imports", IMPORT_SAMPLES);
