import { commsProbe } from '../comms/comms.probe';
import { fixtureProbe } from '../fixture-module/fixture.probe';
import { sourcesProbe } from '../../server/src/modules/sources/sources.probe.test-support';
import { withHandling } from '../../server/src/modules/sources/handling/handling.probe.test-support';
import type { ProbeFixture } from './probe-fixture';

/**
 * Every module's probe fixture, one line a module (docs/ARCHITECTURE.md, "Adding a module"). The
 * outsider matrix fails naming any module route that no fixture here covers.
 */
export const probeFixtures: readonly ProbeFixture[] = [commsProbe, withHandling(sourcesProbe), fixtureProbe];
