#!/usr/bin/env python3
"""Checks a Novanta draw from its public data alone, with Python 3's standard library.

    python3 verify_draw.py https://novanta.example daily-2026-12-05
    python3 verify_draw.py --online https://novanta.example daily-2026-12-05

It downloads the lottery's draw data (/lotteries/<id>/draw.json), its leaf hashes
(/lotteries/<id>/leaves.txt, recipe 2) and its anonymised ballots
(/lotteries/<id>/ballots.jsonl), reading the last two as they arrive (a lottery may
have a million ballots), and checks, as the recipe on the lottery's page says:

1. every ballot's leaf hash, against the published list, and the Merkle root of the
   leaves (RFC 6962) against the published ballot digest (recipe 1: the digest over
   the ballots in order);
2. SHA-256 of the revealed seed against the commitment published when it opened;
3. recipe 3: the public beacon round: its value is SHA-256 of its signature, it is the
   round the lottery announced when it was created (published after the ballot digest);
   then the numbers drawn from the seed, the digest and the beacon value against the
   published ones (recipes 1 and 2, or a beacon the operator publicly did without: from
   the seed and the digest alone, which it says loudly);
4. the winners per tier, the jackpot pool, each tier's prize and what rolls over,
   recomputed from the ballots and the game's rules, against the published results.

The beacon round's BLS signature itself (BLS12-381, scheme bls-unchained-g1-rfc9380:
the signature of SHA-256(round as 8 bytes, big-endian) under the chain's public key)
needs pairing arithmetic that Python's standard library lacks. Check it with drand's own
tools (the drand client, or drand-client in JavaScript or Go) against the chain's public
key in draw.json, or compare it with what any drand relay serves for that round: with
--online this program does the latter, asking https://api.drand.sh (or --relay URL) for
the round and the chain's public key and schedule. Without --online it reads nothing but
the site.

It prints one line per check and exits with 0 when every check passes, 1 when one
fails, 2 when the data cannot be read.
"""

import datetime
import hashlib
import hmac
import json
import struct
import sys
import urllib.error
import urllib.parse
import urllib.request


class Unreadable(Exception):
    pass


def fetch(url):
    request = urllib.request.Request(url, headers={'User-Agent': 'verify_draw.py', 'Accept': '*/*'})
    try:
        return urllib.request.urlopen(request, timeout=60)
    except urllib.error.HTTPError as error:
        raise Unreadable('%s: HTTP %d' % (url, error.code))
    except (urllib.error.URLError, OSError) as error:
        raise Unreadable('%s: %s' % (url, error))


def lines(response):
    for raw in response:
        line = raw.decode('utf-8').strip()
        if line:
            yield line


def leaf_hash(lottery_id, slip, line, numbers, salt):
    data = (lottery_id.encode('utf-8') + b'\x00' + struct.pack('>QBB', slip, line, len(numbers))
            + bytes(numbers) + salt)
    return hashlib.sha256(b'\x00' + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b'\x01' + left + right).digest()


class MerkleRoot:
    """The RFC 6962 root of leaves added in order, in memory that grows with log(n)."""

    def __init__(self):
        self.stack = []  # (hash, size) of full subtrees, largest first

    def add(self, leaf):
        entry = (leaf, 1)
        while self.stack and self.stack[-1][1] == entry[1]:
            left = self.stack.pop()
            entry = (node_hash(left[0], entry[0]), left[1] + entry[1])
        self.stack.append(entry)

    def root(self):
        if not self.stack:
            return hashlib.sha256(b'').digest()
        root = self.stack[-1][0]
        for left, _ in reversed(self.stack[:-1]):
            root = node_hash(left, root)
        return root


class SequentialDigest:
    """Recipe 1: SHA-256 over the lottery id, a zero byte, then every ballot in order."""

    def __init__(self, lottery_id):
        self.sha = hashlib.sha256(lottery_id.encode('utf-8') + b'\x00')

    def add(self, slip, line, numbers):
        self.sha.update(struct.pack('>QBB', slip, line, len(numbers)) + bytes(numbers))

    def root(self):
        return self.sha.digest()


def draw(seed, digest, picks, largest, beacon=b''):
    """Recipe 3 with a beacon value (32 bytes); recipes 1 and 2, or no beacon, without."""
    def words():
        i = 0
        while True:
            block = hmac.new(seed, digest + beacon + struct.pack('>I', i), hashlib.sha256).digest()
            for k in range(0, 32, 4):
                yield struct.unpack('>I', block[k:k + 4])[0]
            i += 1
    w, pool = words(), list(range(1, largest + 1))
    for k in range(picks):
        n = largest - k
        x = next(w)
        while x >= 2**32 - 2**32 % n:
            x = next(w)
        j = k + x % n
        pool[k], pool[j] = pool[j], pool[k]
    return pool[:picks]


class Report:
    def __init__(self):
        self.failed = 0
        self.overridden = False

    def check(self, what, holds, detail=''):
        print('%s  %s%s' % ('ok  ' if holds else 'FAIL', what, (': ' + detail) if detail else ''))
        if not holds:
            self.failed += 1
        return holds

    def note(self, what):
        print('      ' + what)


PUBLIC_RELAY = 'https://api.drand.sh'


def instant(text):
    """An instant as draw.json writes it (ISO 8601 in UTC, "…Z", maybe with a fraction)."""
    whole, _, fraction = text.rstrip('Z').partition('.')
    micros = int((fraction + '000000')[:6])
    return datetime.datetime.strptime(whole, '%Y-%m-%dT%H:%M:%S').replace(
        microsecond=micros, tzinfo=datetime.timezone.utc)


def warn(lines):
    print('!' * 78)
    for line in lines:
        print('!!  ' + line)
    print('!' * 78)


def check_beacon(data, report, relay):
    """Recipe 3: checks the beacon round and returns its value (b'' when overridden)."""
    beacon = data.get('beacon')
    if not report.check('the lottery has the public beacon round its recipe draws with', beacon is not None):
        return b''
    chain, round_ = beacon['chain'], beacon['round']
    print('      beacon: chain %s, round %d, due %s' % (chain, round_, beacon['due']))
    if beacon.get('dev'):
        warn(['DEV BEACON: this lottery was drawn in dev mode. Its beacon rounds are signed by',
              'a key made on the server itself: they add NO public randomness.'])
    digested = data.get('digestedAt')
    report.check('the ballot digest was published before the beacon round',
                 digested is not None and instant(digested) <= instant(beacon['due']),
                 'digest published %s, round due %s' % (digested, beacon['due']))
    report.check('the beacon round is due after the close', instant(data['closesAt']) <= instant(beacon['due']),
                 'closed %s, round due %s' % (data['closesAt'], beacon['due']))
    overridden = beacon.get('overridden')
    if overridden is not None:
        warn(['DRAWN WITHOUT THE PUBLIC BEACON. On %s the operator drew this lottery without' % overridden['at'],
              'beacon round %d, which could not be had. The operator\'s reason:' % round_,
              '    %s' % overridden['reason'],
              'Its numbers come from the seed and the ballot digest alone: whoever held the seed',
              'before the draw could know them. Only the checks below that do not need the beacon apply.'])
        return b''
    signature, value = beacon.get('signature'), beacon.get('value')
    if not report.check('the beacon round was fetched', signature is not None and value is not None):
        return b''
    signature_bytes, value_bytes = bytes.fromhex(signature), bytes.fromhex(value)
    report.check('the beacon value is SHA-256 of the round\'s signature',
                 hashlib.sha256(signature_bytes).digest() == value_bytes,
                 'computed %s, published %s' % (hashlib.sha256(signature_bytes).hexdigest(), value))
    report.check('the beacon value is 32 bytes', len(value_bytes) == 32)
    if relay is None:
        report.note('the BLS signature itself is not checked here: run with --online, or check it with drand\'s tools')
        report.note('  (scheme %s, public key %s)' % (beacon.get('scheme'), beacon.get('publicKey')))
    else:
        check_online(beacon, report, relay)
    return value_bytes


def check_online(beacon, report, relay):
    """Compares the round and the chain with what a public drand relay serves."""
    base = relay.rstrip('/') + '/' + beacon['chain']
    with fetch(base + '/info') as response:
        info = json.load(response)
    report.check('the chain\'s public key is the one the relay serves', info.get('public_key') == beacon['publicKey'],
                 'relay %s' % info.get('public_key'))
    due = datetime.datetime.fromtimestamp(info['genesis_time'] + (beacon['round'] - 1) * info['period'],
                                          datetime.timezone.utc)
    report.check('the round is the one due at the published time by the relay\'s schedule',
                 due == instant(beacon['due']), 'relay schedule: %s' % due.isoformat())
    with fetch(base + '/public/%d' % beacon['round']) as response:
        served = json.load(response)
    report.check('the signature is the one the relay serves for round %d' % beacon['round'],
                 served.get('round') == beacon['round'] and served.get('signature') == beacon['signature'],
                 'relay %s' % served.get('signature'))


def verify(site, lottery_id, relay=None):
    base = site.rstrip('/') + '/lotteries/' + urllib.parse.quote(lottery_id, safe='')
    with fetch(base + '/draw.json') as response:
        data = json.load(response)
    report = Report()
    recipe = data['recipe']
    print('Lottery %s (game %s, %s), recipe %d, status %s' % (data['lottery'], data['game'], data['drawDate'],
                                                            recipe, data['status']))
    if data.get('seed') is None or data.get('ballots') is None:
        raise Unreadable('the lottery is not drawn yet: its seed and ballots are not published')
    lottery = data['lottery']
    picks, largest = data['picks'], data['max']
    winning = set(data['winningNumbers'])
    tiers = {tier['matches']: tier for tier in data['tiers']}
    digest = bytes.fromhex(data['ballotDigest'])
    seed = bytes.fromhex(data['seed'])

    # 1. the ballots: their leaves, the root, and their matches, in one pass
    ballots = lines(fetch(base + '/ballots.jsonl'))
    published_leaves = lines(fetch(base + '/leaves.txt')) if recipe >= 2 else None
    tree = MerkleRoot() if recipe >= 2 else SequentialDigest(lottery)
    count, in_order, valid, leaves_agree, first_wrong_leaf = 0, True, True, True, None
    winners = {matches: 0 for matches in tiers}
    last = (-1, -1)
    for text in ballots:
        ballot = json.loads(text)
        slip, line, numbers = ballot['slip'], ballot['line'], ballot['numbers']
        if (slip, line) <= last:
            in_order = False
        last = (slip, line)
        if len(numbers) != picks or len(set(numbers)) != picks or not all(1 <= n <= largest for n in numbers):
            valid = False
        if recipe >= 2:
            leaf = leaf_hash(lottery, slip, line, numbers, bytes.fromhex(ballot['salt']))
            published = next(published_leaves, None)
            if published is None or published != leaf.hex():
                if first_wrong_leaf is None:
                    first_wrong_leaf = 'slip %d line %d' % (slip, line)
                leaves_agree = False
            tree.add(leaf)
        else:
            tree.add(slip, line, numbers)
        matches = len(winning.intersection(numbers))
        if matches in winners:
            winners[matches] += 1
        count += 1
    if published_leaves is not None and next(published_leaves, None) is not None:
        leaves_agree = False
        first_wrong_leaf = first_wrong_leaf or 'more leaves than ballots'
    report.check('%d ballots, by slip and line' % count, in_order, '' if in_order else 'not in canonical order')
    report.check('every ballot has %d distinct numbers from 1 to %d' % (picks, largest), valid)
    report.check('ballot count matches the published count', count == data['ballotCount'],
                 '%d published' % data['ballotCount'])
    if recipe >= 2:
        report.check('every leaf hash recomputed from its ballot is the published one', leaves_agree,
                     'first difference at %s' % first_wrong_leaf if first_wrong_leaf else '')
    root = tree.root()
    report.check('the %s is the published ballot digest' % ('Merkle root' if recipe >= 2 else 'digest of the ballots'),
                 root == digest, 'computed %s, published %s' % (root.hex(), digest.hex()))

    # 2. the seed
    report.check('SHA-256(seed) is the commitment published when the lottery opened',
                 hashlib.sha256(seed).hexdigest() == data['seedCommitment'])

    # 3. the beacon (recipe 3) and the numbers
    beacon = check_beacon(data, report, relay) if recipe >= 3 else b''
    order = draw(seed, digest, picks, largest, beacon)
    report.check('the numbers drawn from the seed, the digest and the beacon value are the published ones' if beacon
                 else 'the numbers drawn from the seed and the digest are the published ones'
                 + (' (WITHOUT the beacon)' if recipe >= 3 else ''),
                 order == data['drawOrder'] and sorted(order) == data['winningNumbers'],
                 'draw order %s, winning numbers %s' % (order, sorted(order)))
    report.overridden = recipe >= 3 and not beacon

    # 4. the winners and the prizes
    for matches in sorted(winners, reverse=True):
        report.note('%d of %d: %d winning ballots' % (matches, picks, winners[matches]))
    summary = data.get('summary')
    if summary is None:
        report.note('the results are not published yet: nothing to compare the winners with')
        return report
    report.check('winners per tier are the published ones',
                 all(summary['winnersByTier'].get(str(m), 0) == winners[m] for m in winners),
                 'published %s' % summary['winnersByTier'])
    prizes, total, pool, rolled = {}, 0, 0, 0
    jackpot_tiers = [m for m, tier in tiers.items() if tier['jackpot']]
    if jackpot_tiers:
        start = data['jackpotCarriedIn'] if data['jackpotCarriedIn'] > 0 else data['jackpotStart']
        pool = start + count * data['price'] * data['jackpotShare'] // 100
    for matches, tier in tiers.items():
        if tier['jackpot']:
            if winners[matches] == 0:
                prizes[matches], rolled = 0, pool
            else:
                share = pool // winners[matches]
                prizes[matches], rolled = share, pool - share * winners[matches]
        else:
            prizes[matches] = tier['amount']
        total += prizes[matches] * winners[matches]
    report.check('the jackpot pool is the published one', pool == summary['jackpot'],
                 'computed %d, published %d (cents)' % (pool, summary['jackpot']))
    report.check('each tier pays the published prize',
                 all(summary['prizeByTier'].get(str(m), 0) == prizes[m] for m in prizes),
                 'computed %s, published %s' % ({str(m): p for m, p in prizes.items()}, summary['prizeByTier']))
    report.check('all prizes together are the published total', total == summary['totalPrizes'],
                 'computed %d, published %d (cents)' % (total, summary['totalPrizes']))
    report.check('what rolls over is the published amount', rolled == summary['rolledOver'],
                 'computed %d, published %d (cents)' % (rolled, summary['rolledOver']))
    return report


def main(arguments):
    relay = None
    if arguments[:1] == ['--online']:
        relay, arguments = PUBLIC_RELAY, arguments[1:]
    if arguments[:1] == ['--relay'] and len(arguments) > 1:
        relay, arguments = arguments[1], arguments[2:]
    if len(arguments) != 2:
        print('usage: python3 verify_draw.py [--online | --relay <drand relay>] <site address> <lottery id>',
              file=sys.stderr)
        return 2
    try:
        report = verify(arguments[0], arguments[1], relay)
    except (Unreadable, ValueError, KeyError) as error:
        print('cannot check: %s' % error, file=sys.stderr)
        return 2
    if report.failed:
        print('%d check(s) failed: this draw does not follow from its published data.' % report.failed)
        return 1
    if report.overridden:
        print('Every check passed: this draw follows from its published data, '
              'but WITHOUT a public beacon round (the operator overrode it, see above).')
        return 0
    print('Every check passed: this draw follows from its published data.')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
