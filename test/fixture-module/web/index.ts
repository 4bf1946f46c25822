// The reference module's web side, for the web registry (web/src/modules/index.ts).
export { fixtureWebModule } from './fixture.module';
