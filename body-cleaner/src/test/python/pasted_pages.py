#!/usr/bin/env python3
"""Scores cleanText on whole copied pages: every HTML dev page of ../shared/eval is turned into its
visible text (one line per block, scripts and styles left out, as a browser copy-paste gives it),
POSTed as text/plain to --url, and scored against the gold body like score_clean.py does.

Usage: python3 pasted_pages.py --url http://127.0.0.1:18771/api/v1/cleanings [--verbose]
"""
import argparse,os,sys,json,gzip,re,statistics
from html.parser import HTMLParser
ap=argparse.ArgumentParser(); ap.add_argument('--url',required=True); ap.add_argument('--verbose',action='store_true')
ap.add_argument('--eval',default=os.path.join(os.path.dirname(os.path.abspath(__file__)),'../../../../../shared/eval'))
a=ap.parse_args()
E=os.path.normpath(a.eval); sys.path.insert(0,E); import score_clean as sc
g=json.load(open(E+'/html-dev-gold.json',encoding='utf-8'))
BLOCK=set('p div li h1 h2 h3 h4 h5 h6 br tr td section article header footer nav ul ol blockquote figure figcaption table aside main form'.split())
class T(HTMLParser):
    def __init__(s): super().__init__(); s.out=[]; s.skip=0
    def handle_starttag(s,t,a):
        if t in ('script','style','noscript','svg','template'): s.skip+=1
        if t in BLOCK: s.out.append('\n')
    def handle_endtag(s,t):
        if t in ('script','style','noscript','svg','template'): s.skip=max(0,s.skip-1)
        if t in BLOCK: s.out.append('\n')
    def handle_data(s,d):
        if not s.skip: s.out.append(re.sub(r'\s+',' ',d))
P=[];R=[]
for k,v in sorted(g.items()):
    h=gzip.open(E+'/html-dev/'+k+'.html.gz').read().decode('utf-8','replace')
    body=h[h.find('<body'):] if '<body' in h else h
    t=T(); t.feed(body)
    text='\n'.join(l.strip() for l in ''.join(t.out).split('\n') if l.strip())
    got=sc.post(a.url,text.encode(),'text/plain; charset=utf-8')
    p,r,_,_=sc.page_scores(v['articleBody'],got); P.append(p); R.append(r)
    p0,r0,_,_=sc.page_scores(v['articleBody'],text)
    if a.verbose: print(k[:8],'raw P%.3f R%.3f -> P%.3f R%.3f'%(p0,r0,p,r))
p=statistics.mean(P); r=statistics.mean(R); print('pasted pages: P %.3f R %.3f F1 %.3f'%(p,r,2*p*r/(p+r)))
