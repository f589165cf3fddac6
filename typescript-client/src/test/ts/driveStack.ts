// Drives a running Quotewire stack through the generated TypeScript clients, as a user's program would:
// an ingest with an API key (and without: 401), the article followed to INDEXED, quotes by speaker, a date range
// given as Date objects (the client writes them as toISOString(): 2031-06-15T00:00:00.000Z), an entity profile,
// and a CSV export. Run by devstack's EndToEndTest with QUOTEWIRE_INGEST_URL, QUOTEWIRE_QUERY_URL and
// QUOTEWIRE_API_KEY set; prints one "ok:" line per check and exits non-zero on the first failure.
import {
    Configuration as QueryConfiguration,
    EntitiesApi,
    ExportApi,
    ExportFormat,
    QuotesApi,
} from '../../../target/query-client';
import {
    Configuration as IngestConfiguration,
    DocumentsApi,
    ProcessingStatus,
    ResponseError,
} from '../../../target/ingest-client';

declare const process: { env: Record<string, string | undefined>; exit(code: number): never };

function env(name: string): string {
    const value = process.env[name];
    if (!value) {
        throw new Error(name + ' is not set');
    }
    return value.replace(/\/+$/, '');
}

function check(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error('failed: ' + what);
    }
    console.log('ok: ' + what);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
    const ingestUrl = env('QUOTEWIRE_INGEST_URL');
    const queryUrl = env('QUOTEWIRE_QUERY_URL');
    const apiKey = env('QUOTEWIRE_API_KEY');

    const article = {
        title: 'Harbour to reopen',
        source: 'TypeScript Client Wire',
        text: '"The harbour will reopen in June, and the ferries with it," Mayor Margit Oellerby said on Monday.\n\n'
            + 'Oellerby spoke after the council vote in Vastrand.',
        publishedAt: new Date('2031-06-15T09:00:00Z'),
    };

    // Without a key: refused with 401 (a problem+json).
    try {
        await new DocumentsApi(new IngestConfiguration({ basePath: ingestUrl })).ingest({ documentSubmission: article });
        check(false, 'an ingest without a key is refused');
    } catch (e) {
        check(e instanceof ResponseError && e.response.status === 401, 'an ingest without a key is refused with 401');
    }

    // With the key: accepted, then followed to INDEXED.
    const documents = new DocumentsApi(new IngestConfiguration({ basePath: ingestUrl, apiKey }));
    const receipt = await documents.ingest({ documentSubmission: article });
    check(typeof receipt.id === 'string' && !receipt.duplicate, 'the article is accepted (' + receipt.id + ')');
    let status = receipt.status;
    for (let i = 0; i < 240 && status !== ProcessingStatus.Indexed; i++) {
        await sleep(250);
        status = (await documents.getDocument({ id: receipt.id })).status;
    }
    check(status === ProcessingStatus.Indexed, 'the article is INDEXED');

    const query = new QueryConfiguration({ basePath: queryUrl });
    const quotes = new QuotesApi(query);

    // Quotes by speaker (the seeds').
    const trump = await quotes.searchQuotes({ speaker: 'Trump' });
    check(trump.items.length > 0 && trump.items.every((q) => (q.speaker?.name ?? '').includes('Trump')),
        'quotes by speaker=Trump: ' + trump.items.length + ' on the first page');

    // A date range, as Date objects.
    const inRange = await quotes.searchQuotes({
        speaker: 'Oellerby', from: new Date('2031-06-15T00:00:00Z'), to: new Date('2031-06-16T00:00:00Z'),
    });
    check(inRange.items.length === 1 && inRange.items[0].document.id === receipt.id,
        'the date range 2031-06-15..16 holds the article\'s quote');
    check(inRange.items[0].document.publishedAt?.toISOString() === '2031-06-15T09:00:00.000Z',
        'its publishedAt is read back as a Date');
    const after = await quotes.searchQuotes({ speaker: 'Oellerby', from: new Date('2031-06-16T00:00:00Z') });
    check(after.items.length === 0, 'a range after it holds none');

    // An entity profile.
    const entities = new EntitiesApi(query);
    const found = await entities.searchEntities({ q: 'Oellerby' });
    check(found.items.length > 0, 'the entity search finds Oellerby');
    const profile = await entities.getEntity({ id: found.items[0].id });
    check(profile.name === 'Margit Oellerby' && (profile.quoteCount ?? 0) >= 1 && (profile.quotes ?? []).length >= 1,
        'the profile of ' + profile.name + ' has her quote');

    // A CSV export.
    const csv = await (await new ExportApi(query).exportQuotes({ speaker: 'Trump', format: ExportFormat.Csv })).text();
    const lines = csv.split('\r\n').filter((line) => line.length > 0);
    check(lines[0].startsWith('id,published_at,source,document_id') && lines.length - 1 >= trump.items.length,
        'the CSV export of speaker=Trump has its header and ' + (lines.length - 1) + ' rows');
}

main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
});
