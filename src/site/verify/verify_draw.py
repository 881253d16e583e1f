#!/usr/bin/env python3
"""Checks a Novanta draw from its public data alone, with Python 3's standard library.

    python3 verify_draw.py https://novanta.example daily-2026-12-05

It downloads the lottery's draw data (/lotteries/<id>/draw.json), its leaf hashes
(/lotteries/<id>/leaves.txt, recipe 2) and its anonymised ballots
(/lotteries/<id>/ballots.jsonl), reading the last two as they arrive (a lottery may
have a million ballots), and checks, as the recipe on the lottery's page says:

1. every ballot's leaf hash, against the published list, and the Merkle root of the
   leaves (RFC 6962) against the published ballot digest (recipe 1: the digest over
   the ballots in order);
2. SHA-256 of the revealed seed against the commitment published when it opened;
3. the numbers drawn from the seed and the digest against the published ones;
4. the winners per tier, the jackpot pool, each tier's prize and what rolls over,
   recomputed from the ballots and the game's rules, against the published results.

It prints one line per check and exits with 0 when every check passes, 1 when one
fails, 2 when the data cannot be read.
"""

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


def draw(seed, digest, picks, largest):
    def words():
        i = 0
        while True:
            block = hmac.new(seed, digest + struct.pack('>I', i), hashlib.sha256).digest()
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

    def check(self, what, holds, detail=''):
        print('%s  %s%s' % ('ok  ' if holds else 'FAIL', what, (': ' + detail) if detail else ''))
        if not holds:
            self.failed += 1
        return holds

    def note(self, what):
        print('      ' + what)


def verify(site, lottery_id):
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

    # 3. the numbers
    order = draw(seed, digest, picks, largest)
    report.check('the numbers drawn from the seed and the digest are the published ones',
                 order == data['drawOrder'] and sorted(order) == data['winningNumbers'],
                 'draw order %s, winning numbers %s' % (order, sorted(order)))

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
    if len(arguments) != 2:
        print('usage: python3 verify_draw.py <site address> <lottery id>', file=sys.stderr)
        return 2
    try:
        report = verify(arguments[0], arguments[1])
    except (Unreadable, ValueError, KeyError) as error:
        print('cannot check: %s' % error, file=sys.stderr)
        return 2
    if report.failed:
        print('%d check(s) failed: this draw does not follow from its published data.' % report.failed)
        return 1
    print('Every check passed: this draw follows from its published data.')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
