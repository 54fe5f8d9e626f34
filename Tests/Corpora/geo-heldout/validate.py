#!/usr/bin/env python3
"""Checks this held-out corpus with the development corpus's validator, ../geo/validate.py, which
expects the geo-ho-… ids in a folder named *-heldout. Usage: python3 validate.py [DIR]"""
import os
import runpy
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.argv = [sys.argv[0], sys.argv[1] if len(sys.argv) > 1 else here]
runpy.run_path(os.path.join(here, '..', 'geo', 'validate.py'), run_name='__main__')
